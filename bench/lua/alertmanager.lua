-- wrk script: POST /api/v2/alerts with a one-alert JSON array whose labels differ on every
-- request, so each is a distinct alert.
-- wrk ... -s alertmanager.lua URL -- TAG
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local prefix, n, tag = nil, 0, nil

function init(args)
  tag = args[1] .. "-t" .. tid
  prefix = "POST /api/v2/alerts HTTP/1.1\r\n"
    .. "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
    .. "Content-Type: application/json\r\n"
end

function request()
  n = n + 1
  local body = '[{"labels":{"alertname":"WrkBench","job":"bench","severity":"warning",'
    .. '"instance":"' .. tag .. '-' .. n .. '"},'
    .. '"annotations":{"summary":"bench alert ' .. n .. '"},'
    .. '"generatorURL":"http://127.0.0.1/bench"}]'
  body_len = #body
  return prefix .. "Content-Length: " .. #body .. "\r\n\r\n" .. body
end
