-- A node says it is up, and learns which nodes are up and which stopped heart-beating.
-- ARGV: prefix, node, ttlMs. Returns {1 if the node was not registered, {up...}, {silent...}}.
local p, node, ttl = ARGV[1], ARGV[2], ARGV[3]
redis.call('SET', p .. ':alive:' .. node, '1', 'PX', ttl)
local added = redis.call('SADD', p .. ':nodes', node)
local up, silent = {}, {}
for _, n in ipairs(redis.call('SMEMBERS', p .. ':nodes')) do
  if redis.call('EXISTS', p .. ':alive:' .. n) == 1 then
    table.insert(up, n)
  else
    table.insert(silent, n)
  end
end
return {added, up, silent}
