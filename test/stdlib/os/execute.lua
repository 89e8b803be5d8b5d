-- execute runs a shell command: true/nil, "exit"/"signal", code
print(os.execute())  -- expect: true
print(os.execute("exit 0"))  -- expect: true	exit	0
print(os.execute("exit 3"))  -- expect: nil	exit	3
print(os.execute("kill -s KILL $$"))  -- expect: nil	signal	9
