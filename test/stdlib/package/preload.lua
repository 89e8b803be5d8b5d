-- package.preload loaders get the name and ":preload:"; require returns the loader data too
package.preload["virtual.mod"] = function(...)
  print("loading", ...)
  return { answer = 42 }
end
local m, data = require("virtual.mod")  -- expect: loading	virtual.mod	:preload:
print(m.answer, data)  -- expect: 42	:preload:
print(require("virtual.mod") == m)  -- expect: true
print(select("#", require("virtual.mod")))  -- expect: 1
