-- the "not found" message with custom paths, as attrib.lua checks it
package.path = "?.lua;?/?"
package.cpath = "?.so;?/init"
print(pcall(require, "XXX"))  -- expect: false	module 'XXX' not found: -- expect: 	no field package.preload['XXX'] -- expect: 	no file 'XXX.lua' -- expect: 	no file 'XXX/XXX' -- expect: 	no file 'XXX.so' -- expect: 	no file 'XXX/init'
package.path = ""
package.cpath = ""
print(pcall(require, "YYY"))  -- expect: false	module 'YYY' not found: -- expect: 	no field package.preload['YYY'] -- expect: 	no file '' -- expect: 	no file ''
package.path = ";"
print(pcall(require, "ZZZ"))  -- expect: false	module 'ZZZ' not found: -- expect: 	no field package.preload['ZZZ'] -- expect: 	no file '' -- expect: 	no file '' -- expect: 	no file ''
