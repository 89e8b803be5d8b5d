-- print, io.write and io.stdout:write share one stream and keep their order
print("one")
io.write("two\n")
io.stdout:write("three\n")
print("four")
io.stdout:write("fi", "ve\n"):write("six\n")
io.write(7, " ", 8.5, "\n")

-- expect: one
-- expect: two
-- expect: three
-- expect: four
-- expect: five
-- expect: six
-- expect: 7 8.5
