-- A label at the end of a block is outside the locals' scope.
do
  goto finish
  local x = 1
  print(x)
  ::finish::
end
print("ok")  -- expect: ok
