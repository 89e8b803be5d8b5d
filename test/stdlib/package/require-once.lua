-- a module runs once; one that returns nothing is stored as true
package.path = "./modules/?.lua"
print(require("counter"), COUNTER_LOADS)  -- expect: true	1
print(require("counter"), COUNTER_LOADS)  -- expect: true	1
package.loaded.counter = nil
print(require("counter"), COUNTER_LOADS)  -- expect: true	2
