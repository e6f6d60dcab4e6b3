-- A node holds `count` connections of a session to an application. Calls off a pending departure, and counts as the
-- session's activity if it has channels (see sweep.lua).
-- A session of a signed-in user counts for that user's presence in the application: the user's first such session
-- anywhere in the cluster makes the user present.
-- ARGV: prefix, node, app, session, count, user ('' for none).
-- Returns {1 if the session became present, its channels, the id of the log's last entry (or 0-0), the user who
-- became present or ''}.
local p, node, app, session, count, user = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local entry = app .. '\n' .. session
redis.call('HSET', p .. ':conns:' .. app .. ':' .. session, node, count)
redis.call('SADD', p .. ':node:' .. node .. ':sessions', entry)
redis.call('ZREM', p .. ':departures', entry)
redis.call('HDEL', p .. ':departing', entry)
local t = redis.call('TIME')
redis.call('ZADD', p .. ':activity', 'XX', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), session)
local joined = redis.call('SET', p .. ':present:' .. app .. ':' .. session, '1', 'NX') and 1 or 0
local userJoined = ''
if user ~= '' then
  redis.call('SET', p .. ':user:' .. app .. ':' .. session, user)
  local users = p .. ':users:' .. app .. ':' .. user
  if redis.call('SADD', users, session) == 1 and redis.call('SCARD', users) == 1 then
    userJoined = user
  end
end
local last = redis.call('XREVRANGE', p .. ':log', '+', '-', 'COUNT', 1)
return {joined, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session), last[1] and last[1][1] or '0-0',
  userJoined}
