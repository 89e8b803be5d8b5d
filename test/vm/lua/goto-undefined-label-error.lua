-- goto to an unknown label.
print(load("goto nowhere"))  -- expect: nil	[string "goto nowhere"]:1: no visible label 'nowhere' for <goto> at line 1
print(load("do ::inner:: end goto inner"))  -- expect: nil	[string "do ::inner:: end goto inner"]:1: no visible label 'inner' for <goto> at line 1
