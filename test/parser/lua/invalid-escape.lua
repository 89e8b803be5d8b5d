-- expect error: invalid-escape.lua:2: invalid escape sequence near '"path: C:\temp\new\q'
print("path: C:\\temp\\new\q")
