-- Long comments with levels.
--[[ a long
comment ]] print("after comment")  -- expect: after comment
--[==[ contains ]] ]==] print("after level-2 comment")  -- expect: after level-2 comment
---[[ not a long comment
print("line comment trick")  -- expect: line comment trick
--]]
