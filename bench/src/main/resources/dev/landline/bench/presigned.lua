-- wrk script of the bench (Wrk.java): cycles through pre-signed requests, so every request carries a signature of its
-- own (a fresh Vonage JWT: iat, jti). The file (after wrk's "--") has one request a line: METHOD<TAB>PATH<TAB>
-- AUTHORIZATION. All are formatted once, in init, so the client spends nothing per request on building them.
local requests = {}
local count = 0
local position = 0

init = function(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, authorization = line:match("^(%S+)\t(%S+)\t(.*)$")
    if method then
      count = count + 1
      requests[count] = wrk.format(method, path, { ["Authorization"] = authorization })
    end
  end
  file:close()
  assert(count > 0, "no requests in " .. args[1])
end

request = function()
  position = position + 1
  if position > count then
    position = 1
  end
  return requests[position]
end
