-- Anonymous posts for bench/hash-flood.sh: every request a new made-up email, link token and
-- (behind the trusted proxy the script configures) client address, so no per-email or
-- per-client limit stops it before the password is hashed or checked. WRK_KIND picks the form:
-- sign_in, reset or join.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
local kind = os.getenv("WRK_KIND") or "sign_in"
local counter = 0

request = function()
  counter = counter + 1
  local n = math.random(1, 2000000000)
  local body
  if kind == "sign_in" then
    body = "email=flood" .. n .. "%40bench.test&password=a+wrong+long+password"
  elseif kind == "reset" then
    body = "token=madeup" .. n .. "x" .. counter .. "&password=a+new+long+password"
  else
    body = "token=madeup" .. n .. "x" .. counter .. "&name=Eve&password=a+new+long+password"
  end
  wrk.headers["X-Forwarded-For"] = "10." .. (n % 250) .. "." .. (counter % 250) .. "." .. (n % 199 + 1)
  return wrk.format(nil, nil, nil, body)
end
