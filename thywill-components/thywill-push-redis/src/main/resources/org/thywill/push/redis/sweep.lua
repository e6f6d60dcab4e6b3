-- Forgets the channel memberships of sessions with no activity (a join, or a connection attached or detached on any
-- node) for the session lifetime, which the Database has expired: at most `count` sessions a call, the longest idle
-- first. A session still present in one of its applications (connected, or in its grace period) is kept, and its
-- activity set to now. ARGV: prefix, lifetimeMs, count. Returns {sessions forgotten, sessions looked at}.
local p, lifetime, count = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local activity = p .. ':activity'
local idle = redis.call('ZRANGEBYSCORE', activity, '-inf', '(' .. string.format('%d', now - lifetime),
    'LIMIT', 0, count)
local forgotten = 0
for _, session in ipairs(idle) do
  local apps = redis.call('SMEMBERS', p .. ':apps:' .. session)
  local present = false
  for _, app in ipairs(apps) do
    if redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session) == 1 then
      present = true
    end
  end
  if present then
    redis.call('ZADD', activity, now, session)
  else
    for _, app in ipairs(apps) do
      local channels = p .. ':channels:' .. app .. ':' .. session
      for _, channel in ipairs(redis.call('SMEMBERS', channels)) do
        redis.call('SREM', p .. ':members:' .. app .. ':' .. channel, session)
      end
      redis.call('DEL', channels)
    end
    redis.call('DEL', p .. ':apps:' .. session)
    redis.call('ZREM', activity, session)
    forgotten = forgotten + 1
  end
end
return {forgotten, #idle}
