-- remove deletes empty directories too; "." cannot be removed
local dir = os.tmpname() .. ".d"
os.execute("mkdir " .. dir)
print(os.remove(dir))  -- expect: true
print(io.open(dir) == nil)  -- expect: true
print(os.remove("."))  -- expect: nil	.: Invalid argument	22
