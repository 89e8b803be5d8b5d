-- io.input / io.output take names or handles; io.read / io.write / io.lines use them
local name = os.tmpname()
print(io.output() == io.stdout, io.input() == io.stdin)
local out = io.output(name)
print(io.type(out), out ~= io.stdout)
io.write("alpha\n", 2, "\n")
print(io.close())
print(io.input(name) == io.input())
print(io.read("l", "n"))
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
io.output(name)
io.close()
print(pcall(io.write, "x"))
print(pcall(io.output, "no-such-dir/x"))
io.input(io.stdin)
io.output(io.stdout)
os.remove(name)

-- expect: true	true
-- expect: file	true
-- expect: true
-- expect: true
-- expect: alpha	2
-- expect: false	default input file is closed
-- expect: false	attempt to use a closed file
-- expect: false	default output file is closed
-- expect: false	cannot open file 'no-such-dir/x' (No such file or directory)
