-- getenv returns the variable's value or nil
print(type(os.getenv("PATH")))  -- expect: string
print(os.getenv("MOONLET_SURELY_UNSET_VARIABLE"))  -- expect: nil
print(pcall(os.getenv))  -- expect: false	bad argument #1 to 'os.getenv' (string expected, got no value)
print(pcall(os.getenv, {}))  -- expect: false	bad argument #1 to 'os.getenv' (string expected, got table)
