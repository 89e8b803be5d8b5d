-- the standard libraries are in package.loaded; require returns them without searching
print(require("string") == string, require("table") == table, require("io") == io, require("os") == os)  -- expect: true	true	true	true
print(require("math") == math, require("coroutine") == coroutine, require("utf8") == utf8, require("debug") == debug)  -- expect: true	true	true	true
print(require("_G") == _G, require("package") == package)  -- expect: true	true
print(select("#", require("string")))  -- expect: 1
