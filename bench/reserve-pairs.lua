-- wrk script: every request books a (student, clinic) pair no request has booked before, so every one
-- commits a seat while the clinics have room. Pair k is student k / #clinics, clinic k % #clinics: with
-- one clinic every request is a new student on that clinic (the hot clinic), with many they are spread.
-- Each thread takes every T-th pair; a thread stops after BENCH_BUDGET / T answers (0: no budget).
local students = dofile(os.getenv("BENCH_STUDENTS_LUA"))
local clinics = dofile(os.getenv("BENCH_CLINICS_LUA"))
local budget = tonumber(os.getenv("BENCH_BUDGET") or "0")
local threads = {}
local pair = 0
local step = 1
local answered = 0
statuses = {}

function setup(thread)
  thread:set("first_pair", #threads)
  table.insert(threads, thread)
end

function init(args)
  pair = first_pair
  step = tonumber(os.getenv("BENCH_THREADS") or "2")
end

function request()
  local s = students[math.floor(pair / #clinics) % #students + 1]
  local clinic = clinics[pair % #clinics + 1]
  pair = pair + step
  return wrk.format("POST", "/api/clinics/reserve/", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Token " .. s.token,
  }, string.format('{"user_id":%d,"clinic_id":%d}', s.id, clinic))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if budget > 0 and answered >= budget / step then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses") or {}
    for status, count in pairs(seen) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local line = "statuses:"
  for status, count in pairs(counts) do
    line = line .. " " .. status .. "=" .. count
  end
  print(line)
end
