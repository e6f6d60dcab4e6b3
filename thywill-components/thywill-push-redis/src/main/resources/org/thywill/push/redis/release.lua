-- Forgets every connection a node held: for a node declared down (claim = 1: only the node that removes it from
-- the registered nodes does this), or for this node before it registers its connections again after an outage.
-- Sessions left without connections depart after the grace period, claimed by `me`, which holds them meanwhile.
-- Claiming a node declared down also takes over the sessions lingering there (their last connection ended there),
-- and takes the node's position in the log (how far it handled it), from which what it may have missed is replayed.
-- ARGV: prefix, node, me, graceMs, claim.
-- Returns {1 if released, {"app\nsession"...}, {{app, session, channels} of those left without connections...},
-- {"app\nsession"... of those lingering there}, its position or ''}.
local p, node, me, grace, claim = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
if claim == '1' and redis.call('SREM', p .. ':nodes', node) == 0 then
  return {0, {}}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local orphans, lingering, position = {}, {}, ''
if claim == '1' then
  position = redis.call('HGET', p .. ':positions', node) or ''
  redis.call('HDEL', p .. ':positions', node)
  local departing = redis.call('HGETALL', p .. ':departing')
  for i = 1, #departing, 2 do
    local entry = departing[i]
    if departing[i + 1] == node then
      redis.call('HSET', p .. ':departing', entry, me)
      local cut = string.find(entry, '\n', 1, true)
      local app, session = string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1)
      table.insert(lingering, entry)
      table.insert(orphans, {app, session, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session)})
    end
  end
end
local set = p .. ':node:' .. node .. ':sessions'
local entries = redis.call('SMEMBERS', set)
for _, entry in ipairs(entries) do
  local cut = string.find(entry, '\n', 1, true)
  local app, session = string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1)
  local conns = p .. ':conns:' .. app .. ':' .. session
  redis.call('HDEL', conns, node)
  if redis.call('HLEN', conns) == 0 and redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session) == 1 then
    redis.call('ZADD', p .. ':departures', now + grace, entry)
    redis.call('HSET', p .. ':departing', entry, me)
    table.insert(orphans, {app, session, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session)})
  end
end
redis.call('DEL', set)
return {1, entries, orphans, lingering, position}
