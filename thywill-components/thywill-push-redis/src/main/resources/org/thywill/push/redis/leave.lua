-- Ends a session's membership of a channel; a session left without channels is no longer swept (see sweep.lua).
-- ARGV: prefix, app, channel, session.
-- Returns {1 if it was a member, 1 if the session is present}.
local p, app, channel, session = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local removed = redis.call('SREM', p .. ':members:' .. app .. ':' .. channel, session)
redis.call('SREM', p .. ':channels:' .. app .. ':' .. session, channel)
if redis.call('EXISTS', p .. ':channels:' .. app .. ':' .. session) == 0 then
  redis.call('SREM', p .. ':apps:' .. session, app)
  if redis.call('EXISTS', p .. ':apps:' .. session) == 0 then
    redis.call('ZREM', p .. ':activity', session)
  end
end
return {removed, redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session)}
