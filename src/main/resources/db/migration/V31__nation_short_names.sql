-- One name per nation (issue 14): the Japanese names of the reference data follow the short official forms the
-- message bundles use (nation.* : 米国, 豪州, 英国, 韓国), so pages that read the nation table and pages that render
-- a nation's label say the same.
update nation set name_ja = '米国' where code = 'USA';
update nation set name_ja = '豪州' where code = 'AUS';
update nation set name_ja = '英国' where code = 'GBR';
update nation set name_ja = '韓国' where code = 'KOR';
