-- Publishes a delivery on the bus and appends it to the cluster's log, atomically, so the log's order is the bus's.
-- The log (a stream) keeps what was published for `retainMs`: when a node dies, the node that declares it down and
-- the nodes its sessions moved to read there what was published to those sessions after the dead node's last
-- recorded position. The bus message is the entry's id, a space, and the text.
-- ARGV: prefix, retainMs, text. Returns the entry's id.
local p, retain, text = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local id = redis.call('XADD', p .. ':log', 'MINID', '~', tostring(now - retain), '*', 'm', text)
redis.call('PUBLISH', p .. ':bus', id .. ' ' .. text)
return id
