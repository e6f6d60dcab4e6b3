-- A node now holds `count` connections of a session to an application. When no node holds any, the session
-- departs after the grace period (at once for a grace of 0). Counts as the session's activity if it has channels.
-- ARGV: prefix, node, app, session, count, graceMs. Returns {1 if it left now, its channels, the user who left
-- with it or ''}.
local p, node, app, session, count, grace = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local entry = app .. '\n' .. session
local conns = p .. ':conns:' .. app .. ':' .. session
local present = p .. ':present:' .. app .. ':' .. session
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', p .. ':activity', 'XX', now, session)
if count > 0 then
  redis.call('HSET', conns, node, count)
  return {0, {}}
end
redis.call('HDEL', conns, node)
redis.call('SREM', p .. ':node:' .. node .. ':sessions', entry)
if redis.call('HLEN', conns) > 0 or redis.call('EXISTS', present) == 0 then
  return {0, {}}
end
if grace == 0 then
  redis.call('DEL', present)
  return {1, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session), userLeaves(p, app, session)}
end
redis.call('ZADD', p .. ':departures', now + grace, entry)
redis.call('HSET', p .. ':departing', entry, node)
return {0, {}}
