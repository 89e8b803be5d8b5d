-- a module that returns false is stored as false, and loaded again next time
package.path = "./modules/?.lua"
print(require("falsy"), FALSY_LOADS)  -- expect: false	1
print(package.loaded.falsy)  -- expect: false
print(require("falsy"), FALSY_LOADS)  -- expect: false	2
