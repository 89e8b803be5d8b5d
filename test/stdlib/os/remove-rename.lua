-- remove and rename report failures as nil, message, errno (remove names the file)
local a = os.tmpname()
local b = a .. ".renamed"
print(os.rename(a, b))  -- expect: true
print(io.open(a) == nil)  -- expect: true
print(select(2, os.rename(a, b)), select(3, os.rename(a, b)))  -- expect: No such file or directory	2
print(os.remove(b))  -- expect: true
print((select(2, os.remove(b)):gsub("^.*: ", "")), select(3, os.remove(b)))  -- expect: No such file or directory	2
print(select(2, os.remove("no-such-file.txt")))  -- expect: no-such-file.txt: No such file or directory	2
print(pcall(os.remove))  -- expect: false	bad argument #1 to 'os.remove' (string expected, got no value)
print(pcall(os.rename, "x"))  -- expect: false	bad argument #2 to 'os.rename' (string expected, got no value)
