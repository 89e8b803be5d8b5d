-- the standard files cannot be closed, and stay usable
print(io.close(io.stdin))
print(io.stdout:close())
print(io.stderr:close())
print(io.close())
print(io.type(io.stdout))
io.stdout:write("still open\n")

-- expect: nil	cannot close standard file
-- expect: nil	cannot close standard file
-- expect: nil	cannot close standard file
-- expect: nil	cannot close standard file
-- expect: file
-- expect: still open
