-- searchers are called in order with the name; strings they return are collected
table.insert(package.searchers, 2, function(name)
  if name == "from.custom" then return function(n, extra) return "custom " .. n .. " " .. extra end, "data" end
  return "\n\tno custom module '" .. name .. "'"
end)
print(require("from.custom"))  -- expect: custom from.custom data	data
package.path = ""
package.cpath = ""
print(pcall(require, "other"))  -- expect: false	module 'other' not found: -- expect: 	no field package.preload['other'] -- expect: 	 -- expect: 	no custom module 'other' -- expect: 	no file '' -- expect: 	no file ''
table.insert(package.searchers, 1, function() return nil end)
table.insert(package.searchers, 1, function() return 42 end)
print(pcall(require, "third"))  -- expect: false	module 'third' not found: -- expect: 	42 -- expect: 	no field package.preload['third'] -- expect: 	 -- expect: 	no custom module 'third' -- expect: 	no file '' -- expect: 	no file ''
