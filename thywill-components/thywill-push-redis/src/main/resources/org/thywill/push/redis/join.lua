-- Makes a session a member of a channel. ARGV: prefix, app, channel, session.
-- Returns {1 if it was not a member, 1 if the session is present}.
local p, app, channel, session = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local added = redis.call('SADD', p .. ':members:' .. app .. ':' .. channel, session)
redis.call('SADD', p .. ':channels:' .. app .. ':' .. session, channel)
return {added, redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session)}
