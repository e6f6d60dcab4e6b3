-- Ends the presence of sessions whose grace period is over. A node claims the departures it scheduled, and
-- those of other nodes that are overdue by `slackMs` (their node may be gone).
-- ARGV: prefix, node, slackMs. Returns {{app, session, channels, the user who left with it or ''}...} of the
-- sessions that left.
local p, node, slack = ARGV[1], ARGV[2], tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local departures, departing = p .. ':departures', p .. ':departing'
local left = {}
for _, entry in ipairs(redis.call('ZRANGEBYSCORE', departures, '-inf', now, 'LIMIT', 0, 200)) do
  local owner = redis.call('HGET', departing, entry)
  local due = tonumber(redis.call('ZSCORE', departures, entry))
  if owner == node or not owner or due < now - slack then
    redis.call('ZREM', departures, entry)
    redis.call('HDEL', departing, entry)
    local cut = string.find(entry, '\n', 1, true)
    local app, session = string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1)
    if redis.call('HLEN', p .. ':conns:' .. app .. ':' .. session) == 0
        and redis.call('DEL', p .. ':present:' .. app .. ':' .. session) == 1 then
      table.insert(left, {app, session, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session),
        userLeaves(p, app, session)})
    end
  end
end
return left
