-- nil and false may be assigned to <close> variables.
do
  local a <close> = nil
  local b <close> = false
  print("fine")
end  -- expect: fine
