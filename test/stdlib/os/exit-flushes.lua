-- os.exit flushes standard output before the process ends
io.write("written before exit\n")  -- expect: written before exit
print("printed before exit")  -- expect: printed before exit
os.exit(true)
print("never")
