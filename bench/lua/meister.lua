-- wrk script: POST /hooks/github with one pre-signed workflow_run body and a unique
-- X-GitHub-Delivery per request (the signature covers the body only).
-- wrk ... -s meister.lua URL -- TAG BODY_FILE SIGNATURE_HEADER_VALUE
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local prefix, body, n = nil, nil, 0

function init(args)
  local tag, file, signature = args[1], args[2], args[3]
  local f = assert(io.open(file, "rb"))
  body = f:read("*a")
  f:close()
  body_len = #body
  local host = wrk.host .. ":" .. wrk.port
  prefix = "POST /hooks/github HTTP/1.1\r\n"
    .. "Host: " .. host .. "\r\n"
    .. "Content-Type: application/json\r\n"
    .. "User-Agent: GitHub-Hookshot/bench\r\n"
    .. "X-GitHub-Event: workflow_run\r\n"
    .. "X-Hub-Signature-256: " .. signature .. "\r\n"
    .. "Content-Length: " .. #body .. "\r\n"
    .. "X-GitHub-Delivery: " .. tag .. "-t" .. tid .. "-"
end

function request()
  n = n + 1
  return prefix .. n .. "\r\n\r\n" .. body
end
