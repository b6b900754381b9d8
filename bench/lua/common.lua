-- Shared by meister.lua and alertmanager.lua (loaded with dofile from $BENCH_LUA_DIR).
-- Counts response codes per thread and prints one machine-readable summary in done().
-- wrk runs setup() and done() in the main Lua state and request()/response() in each thread's.

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

codes = {}
samples = {}
ids = {}
local collect_ids = os.getenv("BENCH_IDS_FILE") ~= nil


-- Per-thread: tally every status; keep the first few bodies of non-2xx answers for diagnosis.
function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if collect_ids and status == 202 then
    -- Meister answers {"status":"accepted","alert":ID,...}: keep the id for the DB cross-check.
    ids[#ids + 1] = string.match(body or "", '"alert":%s*(%d+)') or "none"
  end
  if (status < 200 or status > 299) and #samples < 3 then
    table.insert(samples, status .. " " .. string.sub(body or "", 1, 200))
  end
end

function done(summary, latency, requests)
  local total = {}
  local shown = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes") or {}
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
    for _, s in ipairs(t:get("samples") or {}) do
      if #shown < 3 then table.insert(shown, s) end
    end
  end
  local body_len = 0
  for _, t in ipairs(threads) do body_len = math.max(body_len, tonumber(t:get("body_len") or 0)) end
  local accepted_code = tonumber(os.getenv("BENCH_ACCEPTED_CODE") or "202")
  local parts, non2xx = {}, 0
  local keys = {}
  for status in pairs(total) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do
    table.insert(parts, status .. ":" .. total[status])
    if status < 200 or status > 299 then non2xx = non2xx + total[status] end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH duration_us=%d requests=%d accepted=%d non2xx=%d err_connect=%d err_read=%d"
      .. " err_write=%d err_status=%d err_timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d body_bytes=%d\n",
    summary.duration, summary.requests, total[accepted_code] or 0, non2xx,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, body_len))
  io.write("CODES " .. (#parts > 0 and table.concat(parts, " ") or "none") .. "\n")
  if collect_ids then
    local f = assert(io.open(os.getenv("BENCH_IDS_FILE"), "w"))
    for _, t in ipairs(threads) do
      for _, id in ipairs(t:get("ids") or {}) do f:write(id, "\n") end
    end
    f:close()
  end
  for _, s in ipairs(shown) do
    io.write("SAMPLE " .. string.gsub(s, "[\r\n]", " ") .. "\n")
  end
end
