-- wrk script: every request reads the weekly schedule with one student's token.
local students = dofile(os.getenv("BENCH_STUDENTS_LUA"))
wrk.headers["Authorization"] = "Token " .. students[1].token
wrk.path = "/api/clinics/weekly-schedule/"
