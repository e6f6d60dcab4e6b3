-- The sessions present in a channel with their live connection counts. ARGV: prefix, app, channel.
-- Returns {{session, connections}...}.
local p, app, channel = ARGV[1], ARGV[2], ARGV[3]
local here = {}
for _, session in ipairs(redis.call('SMEMBERS', p .. ':members:' .. app .. ':' .. channel)) do
  if redis.call('EXISTS', p .. ':present:' .. app .. ':' .. session) == 1 then
    local total = 0
    for _, n in ipairs(redis.call('HVALS', p .. ':conns:' .. app .. ':' .. session)) do
      total = total + tonumber(n)
    end
    table.insert(here, {session, total})
  end
end
return here
