-- package.searchers must be a table; path and cpath must be strings
local searchers = package.searchers
package.searchers = 3
print(pcall(require, "a"))  -- expect: false	'package.searchers' must be a table
package.searchers = searchers
local path = package.path
package.path = {}
print(pcall(require, "no-such-file"))  -- expect: false	'package.path' must be a string
package.path = 42
print(pcall(require, "no-such-file"))  -- expect: false	module 'no-such-file' not found: -- expect: 	no field package.preload['no-such-file'] -- expect: 	no file '42' -- expect: 	no file '/usr/local/lib/lua/5.4/no-such-file.so' -- expect: 	no file '/usr/lib/x86_64-linux-gnu/lua/5.4/no-such-file.so' -- expect: 	no file '/usr/lib/lua/5.4/no-such-file.so' -- expect: 	no file '/usr/local/lib/lua/5.4/loadall.so' -- expect: 	no file './no-such-file.so'
package.path = path
package.cpath = nil
print(pcall(require, "no-such-file"))  -- expect: false	'package.cpath' must be a string
