-- a module may set package.loaded[name] itself; require returns that value
package.path = "./modules/?.lua"
print(require("selfloaded"))  -- expect: set by the module	./modules/selfloaded.lua
