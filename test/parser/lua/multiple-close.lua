-- expect error: multiple-close.lua:2: multiple to-be-closed variables in local list
local a <close>, b <close> = nil, nil
