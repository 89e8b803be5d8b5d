-- ?/init.lua templates find packages; dots in names become directory separators
package.path = "./modules/?.lua;./modules/?/init.lua"
print(require("pkgdir").kind, select(2, require("pkgdir")))  -- expect: init
print(require("nested.leaf"))  -- expect: leaf of nested.leaf	./modules/nested/leaf.lua
print(package.searchpath("nested.leaf", package.path))  -- expect: ./modules/nested/leaf.lua
