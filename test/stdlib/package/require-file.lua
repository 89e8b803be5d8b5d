-- a Lua file found along package.path: the loader gets the name and the file name
package.path = "./modules/?.lua"
local m, file = require("plain")
print(m.name, m.data, file)  -- expect: plain	./modules/plain.lua	./modules/plain.lua
print(package.loaded.plain == m)  -- expect: true
