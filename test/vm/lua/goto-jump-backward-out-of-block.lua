-- goto out of nested blocks and back.
local n = 0
::retry::
do
  do
    n = n + 1
    if n < 3 then goto retry end
  end
end
print(n)  -- expect: 3
