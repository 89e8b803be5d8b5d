-- os.time reads and writes the table through __index and __newindex
local log = {}
local base = {year = 2020, month = 5, day = 17}
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; return base[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. k .. "=" .. tostring(v) end,
})
os.time(t)
print(table.concat(log, ", "))  -- expect: get year, get month, get day, get hour, get min, get sec, get isdst, set year=2020, set month=5, set day=17, set hour=12, set min=0, set sec=0, set yday=138, set wday=1, set isdst=false
