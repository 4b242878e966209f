-- Reference data every installation needs (not demo data): partner nations and the forum's need-to-know groups.
insert into nation (code, name_en, name_ja) values
  ('USA', 'United States', 'アメリカ合衆国'),
  ('JPN', 'Japan', '日本'),
  ('AUS', 'Australia', 'オーストラリア'),
  ('GBR', 'United Kingdom', 'イギリス'),
  ('ITA', 'Italy', 'イタリア'),
  ('CAN', 'Canada', 'カナダ'),
  ('KOR', 'Republic of Korea', '大韓民国'),
  ('NZL', 'New Zealand', 'ニュージーランド'),
  ('PHL', 'Philippines', 'フィリピン'),
  ('FRA', 'France', 'フランス'),
  ('DEU', 'Germany', 'ドイツ'),
  ('IND', 'India', 'インド');

insert into need_to_know_group (code, name_en, name_ja) values
  ('PLENARY', 'DICAS plenary', 'DICAS本会合'),
  ('WG-MISSILE', 'Missile co-production working group', '先進ミサイル共同生産作業部会'),
  ('WG-SHIP', 'Ship repair working group', '船舶修理作業部会'),
  ('WG-AIR', 'Aircraft repair working group', '航空機修理作業部会'),
  ('WG-SCR', 'Supply-chain resilience working group', 'サプライチェーン強靱化作業部会');
