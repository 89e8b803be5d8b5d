-- package.config describes the separators and marks, one per line
print((package.config:gsub("\n", "|")))  -- expect: /|;|?|!|-|
print(type(package.path), type(package.cpath), type(package.searchers), #package.searchers)  -- expect: string	string	table	4
print(package.loaded == debug.getregistry()._LOADED, package.preload == debug.getregistry()._PRELOAD)  -- expect: true	true
