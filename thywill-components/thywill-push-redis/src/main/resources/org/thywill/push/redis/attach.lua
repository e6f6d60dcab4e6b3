-- A node holds `count` connections of a session to an application. Calls off a pending departure, and counts as the
-- session's activity if it has channels (see sweep.lua).
-- ARGV: prefix, node, app, session, count.
-- Returns {1 if the session became present, its channels, the id of the log's last entry (or 0-0)}.
local p, node, app, session, count = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local entry = app .. '\n' .. session
redis.call('HSET', p .. ':conns:' .. app .. ':' .. session, node, count)
redis.call('SADD', p .. ':node:' .. node .. ':sessions', entry)
redis.call('ZREM', p .. ':departures', entry)
redis.call('HDEL', p .. ':departing', entry)
local t = redis.call('TIME')
redis.call('ZADD', p .. ':activity', 'XX', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), session)
local joined = redis.call('SET', p .. ':present:' .. app .. ':' .. session, '1', 'NX') and 1 or 0
local last = redis.call('XREVRANGE', p .. ':log', '+', '-', 'COUNT', 1)
return {joined, redis.call('SMEMBERS', p .. ':channels:' .. app .. ':' .. session), last[1] and last[1][1] or '0-0'}
