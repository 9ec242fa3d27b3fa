-- The request bench/web.sh sends: WRK_METHOD and WRK_BODY (form-encoded) make it a POST,
-- WRK_COOKIE signs it in.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
-- WRK_BEARER: an API key, sent as /api/v1 expects it.
local bearer = os.getenv("WRK_BEARER")
if bearer and bearer ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. bearer
end
-- WRK_SPREAD_CLIENTS=1: each request from another client address (X-Forwarded-For, believed
-- by a server that trusts 127.0.0.1 as its proxy), so per-client limits do not throttle a
-- load that stands for many people.
if os.getenv("WRK_SPREAD_CLIENTS") == "1" then
  local counter = 0
  request = function()
    counter = counter + 1
    wrk.headers["X-Forwarded-For"] = "10.1." .. (counter % 250) .. "." .. (math.floor(counter / 250) % 250 + 1)
    return wrk.format()
  end
end
