-- wrk script: every request reserves the hot clinic for the next student of students.lua,
-- with that student's own token (the reference server forbids booking for somebody else).
local students = dofile(os.getenv("BENCH_STUDENTS_LUA"))
local clinic_id = tonumber(os.getenv("BENCH_CLINIC_ID"))
local next_index = 0
local statuses = {}

function setup(thread)
  thread:set("offset", math.random(#students))
end

function init(args)
  next_index = offset or 1
end

function request()
  next_index = next_index % #students + 1
  local s = students[next_index]
  return wrk.format("POST", "/api/clinics/reserve/", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Token " .. s.token,
  }, string.format('{"user_id":%d,"clinic_id":%d}', s.id, clinic_id))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
