-- A realistic mix for wrk: each thread reads the request plan that
-- bench/load.py wrote ($LOAD_PLAN) and picks requests by weight.
-- A plan line: weight, method, path, cookie, content type, body — tab-separated.
-- "{uuid}" in a path or body becomes a fresh client-made id (a new practice log).

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local plan, total = {}, 0
errors = 0

local function uuid()
  local hex = "0123456789abcdef"
  local out = {}
  for i = 1, 32 do
    local n = math.random(1, 16)
    out[i] = hex:sub(n, n)
  end
  out[13] = "4"
  local s = table.concat(out)
  return s:sub(1, 8) .. "-" .. s:sub(9, 12) .. "-" .. s:sub(13, 16) .. "-8" .. s:sub(18, 20) .. "-" .. s:sub(21, 32)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  for line in io.lines(os.getenv("LOAD_PLAN")) do
    local w, m, p, c, t, b = line:match("^(%d+)\t(%u+)\t([^\t]+)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if w then
      total = total + tonumber(w)
      table.insert(plan, { upto = total, method = m, path = p, cookie = c, ctype = t, body = b })
    end
  end
end

function request()
  local r = math.random(1, total)
  for _, item in ipairs(plan) do
    if r <= item.upto then
      local headers = {}
      if item.cookie ~= "" then headers["Cookie"] = item.cookie end
      local body = nil
      if item.body ~= "" then
        headers["Content-Type"] = item.ctype
        body = item.body:gsub("{uuid}", uuid)
      end
      local path = item.path:gsub("{uuid}", uuid)
      return wrk.format(item.method, path, headers, body)
    end
  end
end

function response(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("errors") end
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "http_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
