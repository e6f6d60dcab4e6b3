-- Prepended to the scripts that end a session's presence in an application: the session no longer counts for its
-- user's presence there, and a user left with no present session leaves. Returns the user who left, or ''.
local function userLeaves(p, app, session)
  local key = p .. ':user:' .. app .. ':' .. session
  local user = redis.call('GET', key)
  if not user then
    return ''
  end
  redis.call('DEL', key)
  local users = p .. ':users:' .. app .. ':' .. user
  if redis.call('SREM', users, session) == 1 and redis.call('SCARD', users) == 0 then
    return user
  end
  return ''
end
