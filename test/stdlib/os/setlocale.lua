-- only the C locale exists: "C", "POSIX" and "" select it; queries answer "C"
print(os.setlocale())  -- expect: C
print(os.setlocale("C"))  -- expect: C
print(os.setlocale("C", "all"))  -- expect: C
print(os.setlocale(nil, "numeric"))  -- expect: C
print(os.setlocale("POSIX", "time"))  -- expect: C
print(os.setlocale("xx_YY.nonexistent"))  -- expect: nil
print(pcall(os.setlocale, "C", "bogus"))  -- expect: false	bad argument #2 to 'os.setlocale' (invalid option 'bogus')
