-- syntax errors report "error loading module"; runtime errors propagate
package.path = "./modules/?.lua"
print(pcall(require, "syntaxerror"))  -- expect: false	error loading module 'syntaxerror' from file './modules/syntaxerror.lua': -- expect: 	./modules/syntaxerror.lua:3: unexpected symbol near <eof>
print(pcall(require, "runtimeerror"))  -- expect: false	./modules/runtimeerror.lua:3: module failed on purpose
print(package.loaded.runtimeerror)  -- expect: nil
print(pcall(require))  -- expect: false	bad argument #1 to 'require' (string expected, got no value)
print(pcall(require, {}))  -- expect: false	bad argument #1 to 'require' (string expected, got table)
