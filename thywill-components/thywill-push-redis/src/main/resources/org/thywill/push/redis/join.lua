-- Makes a session a member of a channel, and records the application among the session's and the time as its
-- activity (see sweep.lua). ARGV: prefix, app, channel, session.
-- Returns {1 if it was not a member, 1 if the session is present}.
local p, app, channel, session = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local added = redis.call('SADD', p .. ':members:' .. app .. ':' .. channel, session)
redis.call('SADD', p .. ':channels:' .. app .. ':' .. session, channel)
redis.call('SADD', p .. ':apps:' .. session, app)
local t = redis.call('TIME')
redis.call('ZADD', p .. ':activity', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), session)
return {added, redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session)}
